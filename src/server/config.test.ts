import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig({ DATA_DIR: '/tmp/xindun-config-test', ...env }, []);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
};

describe('the SMS gateway settings', () => {
  it('are optional: without them codes stay in the outbox', () => {
    expect(loadConfig({ DATA_DIR: '/tmp/xindun-config-test' }, []).sms).toEqual({ gatewayUrl: undefined, gatewaySecret: undefined });
  });

  it('take an https gateway with a long enough secret, or plain http on this machine', () => {
    expect(problemsOf({ SMS_GATEWAY_URL: 'https://sms.example.gov.cn/send', SMS_GATEWAY_SECRET: 'a'.repeat(16) })).toEqual([]);
    expect(problemsOf({ SMS_GATEWAY_URL: 'http://127.0.0.1:9000/send', SMS_GATEWAY_SECRET: 'a'.repeat(16) })).toEqual([]);
  });

  it('refuse plain http elsewhere, a non-URL, and a missing or short secret, all at once', () => {
    expect(problemsOf({ SMS_GATEWAY_URL: 'http://sms.example.gov.cn/send', SMS_GATEWAY_SECRET: 'a'.repeat(16) })).toEqual(['SMS_GATEWAY_URL must be https:// (plain http only to 127.0.0.1 or localhost)']);
    expect(problemsOf({ SMS_GATEWAY_URL: 'not a url' })).toEqual(['SMS_GATEWAY_URL must be a URL', 'SMS_GATEWAY_SECRET of at least 16 characters is required with SMS_GATEWAY_URL']);
    expect(problemsOf({ SMS_GATEWAY_URL: 'https://sms.example.gov.cn/send', SMS_GATEWAY_SECRET: 'short' })).toEqual(['SMS_GATEWAY_SECRET of at least 16 characters is required with SMS_GATEWAY_URL']);
  });
});
