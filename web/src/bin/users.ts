// Account administration: `npm run users -- <command>` (root) or `npm run users -w @citybrain/web -- …`.
// Works on the accounts file named by WEB_USERS_FILE (default DATA_DIR/users.json); the running server
// picks up changes within a second. Passwords are read from standard input or generated, never from argv
// (which other users of the machine can see in the process list).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { actorRole, agencyId } from '@citybrain/schemas/events';
import { ConfigError, loadAuthConfig } from '../config.js';
import {
  AccountError,
  generatePassword,
  issueDisplayToken,
  listAccounts,
  putUser,
  revokeDisplay,
  setUserDisabled,
} from '../server/auth/accounts.js';
import { DirectoryFileError } from '../server/auth/directory-file.js';
import { loadOrCreateSessionSecret } from '../server/auth/session-secret.js';

const USAGE = `usage: users <command> [options]
  add <id> --role <role> [--district <adcode>] [--agency <agency>] (--password-stdin | --generate-password)
      roles: ${actorRole.options.join(', ')}; agencies: ${agencyId.options.join(', ')}
  disable <id> | enable <id>
  display <id> --scope <city|adcode|agency:<id>> [--days 365] [--base-url http://host:3000]
      issues the read-only token of a wall display or of a subscribing system (a district center's or an
      agency's: Socket.IO auth.token, or Authorization: Bearer for /api/feeds/alerts.cap), replacing its
      earlier one, and prints the wall's sign-in link
  revoke-display <id>
  list`;

class UsageError extends Error {
  override readonly name = 'UsageError';
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      district: { type: 'string' },
      agency: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      'generate-password': { type: 'boolean' },
      scope: { type: 'string' },
      days: { type: 'string', default: '365' },
      'base-url': { type: 'string', default: 'http://127.0.0.1:3000' },
    },
  });
  const [command, id] = positionals;
  const config = loadAuthConfig();
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const needId = (): string => {
    if (id === undefined) throw new UsageError(`${command ?? ''} needs an id`);
    return id;
  };
  switch (command) {
    case 'add': {
      const role = actorRole.safeParse(values.role);
      if (!role.success) throw new UsageError(`--role must be one of ${actorRole.options.join(', ')}`);
      const agency = values.agency === undefined ? undefined : agencyId.safeParse(values.agency);
      if (agency && !agency.success)
        throw new UsageError(`--agency must be one of ${agencyId.options.join(', ')}`);
      let password: string;
      if (values['generate-password']) password = generatePassword();
      else if (values['password-stdin']) password = readFileSync(0, 'utf8').replace(/\r?\n$/, '');
      else throw new UsageError('give --password-stdin or --generate-password');
      const user = await putUser(config.usersFile, {
        id: needId(),
        role: role.data,
        password,
        ...(values.district !== undefined ? { district: values.district } : {}),
        ...(agency?.success ? { agency: agency.data } : {}),
      });
      out(`user ${user.id} (${user.role}) saved in ${config.usersFile}`);
      if (values['generate-password']) out(`password: ${password}`);
      return;
    }
    case 'disable':
    case 'enable':
      setUserDisabled(config.usersFile, needId(), command === 'disable');
      out(`user ${needId()} ${command}d`);
      return;
    case 'display': {
      const days = Number(values.days);
      if (!Number.isInteger(days) || days < 1 || days > 3650) throw new UsageError('--days must be 1..3650');
      if (values.scope === undefined)
        throw new UsageError('display needs --scope city, an adcode or agency:<id>');
      const secret = loadOrCreateSessionSecret(config.sessionSecret, config.dataDir);
      const issued = await issueDisplayToken(config.usersFile, secret, {
        id: needId(),
        scope: values.scope,
        days,
      });
      out(`display ${issued.id} (scope ${issued.scope}) token, valid until ${issued.expiresAt}:`);
      out(issued.token);
      out(
        `sign-in link (open once on the wall's browser): ${values['base-url']}/auth/display?token=${issued.token}`,
      );
      return;
    }
    case 'revoke-display':
      revokeDisplay(config.usersFile, needId());
      out(`display ${needId()} revoked`);
      return;
    case 'list': {
      const { users, displays } = listAccounts(config.usersFile);
      for (const u of users)
        out(
          `user    ${u.id.padEnd(20)} ${u.role.padEnd(13)} ${u.district ?? u.agency ?? 'city'}${u.disabled ? '  (disabled)' : ''}`,
        );
      for (const d of displays)
        out(
          `display ${d.id.padEnd(20)} wall          ${d.scope}  until ${d.expiresAt}${d.revoked ? '  (revoked)' : ''}`,
        );
      return;
    }
    default:
      throw new UsageError(command === undefined ? 'no command' : `unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof TypeError) {
    // parseArgs reports unknown options as TypeError (ERR_PARSE_ARGS_*).
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (error instanceof ConfigError || error instanceof AccountError || error instanceof DirectoryFileError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(error instanceof AccountError ? 1 : 2);
  }
  throw error;
});
