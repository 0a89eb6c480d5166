// Sign-in for people (duty officers, operators, district centers, agencies). Wall displays sign in once
// through the link the `users display` command prints.
import { LoginForm } from '../../src/login/LoginForm.js';

export const dynamic = 'force-dynamic';

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const text = (value: string | string[] | undefined): string | undefined =>
    typeof value === 'string' ? value : undefined;
  const next = text(params.next);
  const reason = text(params.reason) ?? text(params.error);
  return (
    <LoginForm {...(next !== undefined ? { next } : {})} {...(reason !== undefined ? { reason } : {})} />
  );
}
