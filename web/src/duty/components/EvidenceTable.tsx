'use client';
// The window statistics that justified the alert, as streams recorded them.
import type { Alert } from '@citybrain/schemas/events';
import { dateTimeText, evidenceLabel, TEXT, type Lang } from '../i18n.js';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function evidenceValue(value: number | string): string {
  if (typeof value === 'number') return value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  return ISO_TIME.test(value) ? dateTimeText(Date.parse(value)) : value;
}

export function EvidenceTable({ alert, lang }: { alert: Alert; lang: Lang }) {
  const rows = Object.entries(alert.evidence);
  return (
    <section className="detail-block evidence-block">
      <h3>{TEXT.evidence[lang]}</h3>
      <table className="evidence" data-testid="evidence">
        <tbody>
          {rows.map(([key, value]) => (
            <tr key={key}>
              <th scope="row">{evidenceLabel(key, lang)}</th>
              <td>{evidenceValue(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
