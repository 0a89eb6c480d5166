'use client';
// The duty console at a desk (1920×1080): header, the queue on the left, the selected alert's detail and
// actions on the right, the shortcut legend along the bottom. Keyboard first; client-only (DutyClient).
import '../duty.css';
import { useDistrictGeo } from '../use-district-geo.js';
import { useDutyRealtime } from '../use-duty-realtime.js';
import { useKeyboard } from '../use-keyboard.js';
import { useSelectedAlert } from '../use-selected-alert.js';
import { TEXT, type Bilingual } from '../i18n.js';
import { DutyStoreProvider, useDuty } from '../store/provider.js';
import { AlertDetail } from './AlertDetail.js';
import { AlertQueue } from './AlertQueue.js';
import { DutyHeader } from './DutyHeader.js';
import { HelpOverlay, ShortcutLegend } from './Shortcuts.js';

const NO_NAMES: ReadonlyMap<string, Bilingual> = new Map();

function DetailPanel({
  districtNames,
  geo,
}: {
  districtNames: ReadonlyMap<string, Bilingual>;
  geo: ReturnType<typeof useDistrictGeo>;
}) {
  const lang = useDuty((s) => s.lang);
  const open = useDuty((s) => s.detailOpen);
  const alert = useSelectedAlert();
  return (
    <section
      className="duty-panel detail-panel"
      data-testid="detail-panel"
      data-open={open && alert !== undefined}
    >
      {open && alert !== undefined ? (
        <AlertDetail alert={alert} districts={geo?.collection} districtNames={districtNames} />
      ) : (
        <div className="detail-placeholder">
          <p>{alert === undefined ? TEXT.noSelection[lang] : TEXT.openHint[lang]}</p>
          {alert !== undefined && <p className="detail-placeholder-title">{alert.title[lang]}</p>}
        </div>
      )}
    </section>
  );
}

function DutyBody() {
  useDutyRealtime();
  useKeyboard();
  const geo = useDistrictGeo();
  const names = geo?.names ?? NO_NAMES;
  const lang = useDuty((s) => s.lang);
  const helpOpen = useDuty((s) => s.helpOpen);
  return (
    <div className="duty" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <DutyHeader districtNames={names} />
      <main className="duty-main">
        <AlertQueue districtNames={names} />
        <DetailPanel districtNames={names} geo={geo} />
      </main>
      <ShortcutLegend />
      {helpOpen && <HelpOverlay lang={lang} />}
    </div>
  );
}

export default function DutyConsole() {
  return (
    <DutyStoreProvider>
      <DutyBody />
    </DutyStoreProvider>
  );
}
