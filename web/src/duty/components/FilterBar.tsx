'use client';
// The queue's filters: free text, level, category, district, agency and status. `f` or `/` focuses the
// search box; Tab walks the selects; Enter or Esc returns to the queue.
import {
  ALERT_LEVELS,
  agencyId,
  alertCategory,
  type AgencyId,
  type AlertCategory,
  type AlertLevel,
  type AlertStatus,
} from '@citybrain/schemas/events';
import { LEVEL_NAMES } from '../../wall/i18n.js';
import {
  AGENCY_NAMES,
  ALERT_STATUS_NAMES,
  CATEGORY_NAMES,
  TEXT,
  type Bilingual,
  type Lang,
} from '../i18n.js';
import { useDuty } from '../store/provider.js';
import { OPEN_STATUSES, filtersActive } from '../store/selectors.js';

interface Option<T extends string> {
  value: T | 'all';
  label: string;
}

function FilterSelect<T extends string>({
  name,
  label,
  value,
  options,
  onChange,
  lang,
}: {
  name: string;
  label: Bilingual;
  value: T | 'all';
  options: readonly Option<T>[];
  onChange: (value: T | 'all') => void;
  lang: Lang;
}) {
  return (
    <label className="filter">
      <span className="filter-label">{label[lang]}</span>
      <select
        data-testid={`filter-${name}`}
        value={value}
        onChange={(event) => onChange(event.target.value as T | 'all')}
      >
        <option value="all">{TEXT.all[lang]}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FilterBar({
  districtNames,
  shown,
  total,
}: {
  districtNames: ReadonlyMap<string, Bilingual>;
  shown: number;
  total: number;
}) {
  const lang = useDuty((s) => s.lang);
  const filters = useDuty((s) => s.filters);
  const setFilters = useDuty((s) => s.setFilters);
  const clearFilters = useDuty((s) => s.clearFilters);
  return (
    <div className="filter-bar" data-testid="filters">
      <div className="filter-row">
        <input
          className="filter-search"
          type="search"
          data-keys="filter"
          data-testid="filter-text"
          placeholder={TEXT.search[lang]}
          value={filters.text}
          onChange={(event) => setFilters({ text: event.target.value })}
        />
        <span className="filter-count">
          {TEXT.shown[lang]} {shown} / {total}
        </span>
        <button
          type="button"
          className="duty-button small"
          disabled={!filtersActive(filters)}
          onClick={clearFilters}
        >
          {TEXT.clearFilters[lang]}
        </button>
      </div>
      <div className="filter-row">
        <FilterSelect<AlertLevel>
          name="level"
          label={TEXT.level}
          value={filters.level}
          options={[...ALERT_LEVELS]
            .reverse()
            .map((level) => ({ value: level, label: LEVEL_NAMES[level][lang] }))}
          onChange={(level) => setFilters({ level })}
          lang={lang}
        />
        <FilterSelect<AlertCategory>
          name="category"
          label={TEXT.category}
          value={filters.category}
          options={alertCategory.options.map((c) => ({ value: c, label: CATEGORY_NAMES[c][lang] }))}
          onChange={(category) => setFilters({ category })}
          lang={lang}
        />
        <FilterSelect<string>
          name="district"
          label={TEXT.district}
          value={filters.district}
          options={[...districtNames].map(([adcode, name]) => ({ value: adcode, label: name[lang] }))}
          onChange={(district) => setFilters({ district })}
          lang={lang}
        />
        <FilterSelect<AgencyId>
          name="agency"
          label={TEXT.agency}
          value={filters.agency}
          options={agencyId.options.map((a) => ({ value: a, label: AGENCY_NAMES[a].full[lang] }))}
          onChange={(agency) => setFilters({ agency })}
          lang={lang}
        />
        <FilterSelect<AlertStatus>
          name="status"
          label={TEXT.status}
          value={filters.status}
          options={OPEN_STATUSES.map((s) => ({ value: s, label: ALERT_STATUS_NAMES[s][lang] }))}
          onChange={(status) => setFilters({ status })}
          lang={lang}
        />
      </div>
    </div>
  );
}
