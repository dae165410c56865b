import path from 'node:path';

/**
 * The whole configuration, parsed once from the environment at start. Every problem is collected
 * and reported together so an operator fixes them in one pass (outline's env.ts does the same).
 */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL connection string; undefined means the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  logLevel: string;
  /** Demo mode seeds demo data on an empty database and relaxes MFA for the demo accounts. */
  demo: boolean;
  demoScale: 'township' | 'district' | 'city' | 'province';
  crypto: {
    /** `gm` = 国密 (SM4-GCM, HMAC-SM3); `intl` = AES-256-GCM, HMAC-SHA-256. */
    profile: 'gm' | 'intl';
    /** Key file; the embedded default generates one in the data folder on first start. */
    keyFile: string;
    /** Keys given directly (`FIELD_KEYS`), taking precedence over the key file. */
    keysFromEnv: string | undefined;
  };
  session: {
    idleMinutesOfficial: number;
    idleMinutesWorker: number;
    absoluteHours: number;
    cookieSecure: boolean;
  };
  login: {
    maxFailures: number;
    lockoutMinutes: number;
    perIpPerMinute: number;
    /** Accounts with no login for this many days are disabled (SECURITY.md item 7). */
    accountIdleDays: number;
  };
  password: {
    expiryDays: number;
    historyCount: number;
  };
  /** Roles that must present a TOTP second factor. */
  mfaRoles: string[];
  /** Origins allowed to make cookie-authenticated writes and CORS requests besides our own. */
  trustedOrigins: string[];
  jobsEnabled: boolean;
  /** Behind a gateway: take the client IP from X-Forwarded-For. */
  trustProxy: boolean;
  /** The SMS gateway (modules/notify/sms.ts); without one, codes are only written to the outbox (and shown in the demo). */
  sms: {
    gatewayUrl: string | undefined;
    /** Shared secret of the gateway's request signature. */
    gatewaySecret: string | undefined;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置错误 / invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, argv: string[] = process.argv.slice(2)): Config {
  const problems: string[] = [];

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
      return fallback;
    }
    return raw as T;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw)) return true;
    if (['0', 'false', 'no'].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// connection string');
  }
  const dataDir = path.resolve(env.DATA_DIR || './data');
  const demo = argv.includes('--demo') || bool('DEMO', false);

  const config: Config = {
    port: int('PORT', 8080, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir,
    databaseUrl,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    logLevel: oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    demo,
    demoScale: oneOf('DEMO_SCALE', ['township', 'district', 'city', 'province'], 'township'),
    crypto: {
      profile: oneOf('CRYPTO_PROFILE', ['gm', 'intl'], 'gm'),
      keyFile: path.resolve(env.KEY_FILE || path.join(dataDir, 'keys.json')),
      keysFromEnv: env.FIELD_KEYS || undefined,
    },
    session: {
      idleMinutesOfficial: int('SESSION_IDLE_MINUTES', 15, 1, 15),
      idleMinutesWorker: int('SESSION_IDLE_MINUTES_WORKER', 30, 1, 30),
      absoluteHours: int('SESSION_ABSOLUTE_HOURS', 12, 1, 12),
      cookieSecure: bool('COOKIE_SECURE', true),
    },
    login: {
      maxFailures: int('LOGIN_MAX_FAILURES', 5, 1, 10),
      lockoutMinutes: int('LOGIN_LOCKOUT_MINUTES', 15, 1, 24 * 60),
      perIpPerMinute: int('LOGIN_PER_IP_PER_MINUTE', 30, 1, 10_000),
      accountIdleDays: int('ACCOUNT_IDLE_DAYS', 90, 1, 3650),
    },
    password: {
      expiryDays: int('PASSWORD_EXPIRY_DAYS', 90, 0, 3650),
      historyCount: int('PASSWORD_HISTORY', 5, 0, 24),
    },
    mfaRoles: (env.MFA_ROLES ?? (demo ? '' : 'system_admin,security_admin,audit_admin'))
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean),
    trustedOrigins: (env.TRUSTED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    jobsEnabled: bool('JOBS_ENABLED', true),
    trustProxy: bool('TRUST_PROXY', false),
    sms: { gatewayUrl: env.SMS_GATEWAY_URL || undefined, gatewaySecret: env.SMS_GATEWAY_SECRET || undefined },
  };

  for (const origin of config.trustedOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) problems.push(`TRUSTED_ORIGINS entry "${origin}" must be scheme://host[:port]`);
  }
  if (config.sms.gatewayUrl !== undefined) {
    // Phones and codes travel to it: HTTPS, or plain HTTP on this machine only.
    let url: URL | undefined;
    try {
      url = new URL(config.sms.gatewayUrl);
    } catch {
      problems.push('SMS_GATEWAY_URL must be a URL');
    }
    if (url && url.protocol !== 'https:' && !(url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))) {
      problems.push('SMS_GATEWAY_URL must be https:// (plain http only to 127.0.0.1 or localhost)');
    }
    if (!config.sms.gatewaySecret || config.sms.gatewaySecret.length < 16) problems.push('SMS_GATEWAY_SECRET of at least 16 characters is required with SMS_GATEWAY_URL');
  }
  if (config.adminPassword !== undefined && config.adminPassword.length < 8) {
    problems.push('ADMIN_PASSWORD must be at least 8 characters');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
