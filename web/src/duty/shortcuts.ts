// The shortcut list the legend and the help overlay show; keyboard.ts is what they describe.
import type { Bilingual } from './i18n.js';

export interface Shortcut {
  keys: readonly string[];
  text: Bilingual;
  /** Shown in the always-visible legend, not only in the help overlay. */
  legend?: boolean;
  /** Only for agency users. */
  agency?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['j', '↓'], text: { zh: '下一条', en: 'Next' }, legend: true },
  { keys: ['k', '↑'], text: { zh: '上一条', en: 'Previous' }, legend: true },
  { keys: ['g', 'G'], text: { zh: '首条 / 末条', en: 'First / last' } },
  { keys: ['Enter'], text: { zh: '打开详情', en: 'Open detail' }, legend: true },
  { keys: ['a'], text: { zh: '确认', en: 'Acknowledge' }, legend: true },
  { keys: ['s'], text: { zh: '派单', en: 'Assign' }, legend: true },
  { keys: ['e'], text: { zh: '升级', en: 'Escalate' }, legend: true },
  { keys: ['r'], text: { zh: '处置完毕（需填写说明）', en: 'Resolve (note required)' }, legend: true },
  { keys: ['c'], text: { zh: '备注', en: 'Comment' }, legend: true },
  {
    keys: ['1', '2', '3'],
    text: { zh: '本部门：已接收 / 到场 / 完成', en: 'Our part: received / on scene / done' },
    legend: true,
    agency: true,
  },
  { keys: ['f', '/'], text: { zh: '筛选', en: 'Filters' }, legend: true },
  { keys: ['l'], text: { zh: '中文 / English', en: 'Language' } },
  { keys: ['?'], text: { zh: '快捷键帮助', en: 'Shortcut help' }, legend: true },
  { keys: ['Esc'], text: { zh: '关闭 / 取消', en: 'Close / cancel' }, legend: true },
];

/** Inside the forms. */
export const FORM_SHORTCUTS: readonly Shortcut[] = [
  { keys: ['Enter'], text: { zh: '提交表单', en: 'Send the form' } },
  { keys: ['Shift', 'Enter'], text: { zh: '说明换行', en: 'New line in a note' } },
  { keys: ['1–7'], text: { zh: '派单：选择部门', en: 'Assign: toggle agency' } },
  { keys: ['↑', '↓'], text: { zh: '升级：选择级别', en: 'Escalate: choose level' } },
];
