'use client';
// The sign-in form: posts to /api/auth/login (the custom server sets an httpOnly session cookie) and goes
// on to the page the user came for. Works without JavaScript too: the form posts and the server redirects.
import { useState, type SyntheticEvent } from 'react';
import './login.css';

type Lang = 'zh' | 'en';

const REASONS: Record<string, { zh: string; en: string }> = {
  missing: { zh: '请先登录', en: 'Please sign in' },
  expired: { zh: '会话已过期，请重新登录', en: 'Your session expired: sign in again' },
  bad_credentials: { zh: '用户名或密码错误', en: 'Wrong user name or password' },
  disabled: { zh: '账号已停用', en: 'This account is disabled' },
  rate_limited: { zh: '尝试次数过多，请稍后再试', en: 'Too many attempts: wait a few minutes' },
  revoked: { zh: '凭证已被撤销', en: 'This token was revoked' },
  unknown_user: { zh: '账号不存在', en: 'This account no longer exists' },
  bad_signature: { zh: '凭证无效，请重新登录', en: 'Invalid token: sign in again' },
  malformed: { zh: '凭证无效，请重新登录', en: 'Invalid token: sign in again' },
};

const TEXT = {
  title: { zh: '城市运行管理中心', en: 'City Operations Center' },
  subtitle: { zh: '登录 · 联动指挥', en: 'Sign in · Joint command' },
  user: { zh: '用户名', en: 'User' },
  password: { zh: '密码', en: 'Password' },
  submit: { zh: '登录', en: 'Sign in' },
  busy: { zh: '正在登录…', en: 'Signing in…' },
  unreachable: { zh: '无法连接服务器', en: 'Cannot reach the server' },
} as const;

export function LoginForm({ next, reason }: { next?: string; reason?: string }) {
  const [lang, setLang] = useState<Lang>('zh');
  const [error, setError] = useState<string | undefined>(reason);
  const [busy, setBusy] = useState(false);

  async function submit(event: SyntheticEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string): string => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    setBusy(true);
    try {
      const response = await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          user: field('user'),
          password: field('password'),
          ...(next !== undefined ? { next } : {}),
        }),
      });
      const body = (await response.json()) as { ok?: boolean; next?: string; reason?: string };
      if (response.ok && body.ok === true && body.next !== undefined) {
        window.location.assign(body.next);
        return;
      }
      setError(body.reason ?? 'bad_credentials');
    } catch {
      setError('unreachable');
    } finally {
      setBusy(false);
    }
  }

  const message =
    error === undefined ? undefined : error === 'unreachable' ? TEXT.unreachable : REASONS[error];
  return (
    <main className="login-page">
      <form className="login-card" method="post" action="/api/auth/login" onSubmit={(e) => void submit(e)}>
        <button
          type="button"
          className="login-lang"
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          aria-label="language"
        >
          {lang === 'zh' ? 'EN' : '中文'}
        </button>
        <h1>{TEXT.title[lang]}</h1>
        <p className="login-subtitle">{TEXT.subtitle[lang]}</p>
        {next !== undefined && <input type="hidden" name="next" value={next} />}
        <label>
          {TEXT.user[lang]}
          <input name="user" autoComplete="username" autoFocus required data-testid="login-user" />
        </label>
        <label>
          {TEXT.password[lang]}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            data-testid="login-password"
          />
        </label>
        {message !== undefined && (
          <p className="login-error" role="alert" data-testid="login-error">
            {message[lang]}
          </p>
        )}
        <button type="submit" disabled={busy} data-testid="login-submit">
          {busy ? TEXT.busy[lang] : TEXT.submit[lang]}
        </button>
      </form>
    </main>
  );
}
