// The account area's pure pieces: `--role` parsing and matching, PINFL masking, and how portal
// refusals become the account area's messages with the portal's code and the right exit category.
import { strict as assert } from 'node:assert';

import {
  explainRefusal,
  maskedPinfl,
  matchesSpec,
  parseRoleSpec,
  pickBySpec,
  roleId,
  type Role,
} from '../../src/lib/account/index.js';
import {
  AuthError,
  NetworkError,
  OneIdError,
  PortalRefusedError,
  UsageError,
} from '../../src/lib/errors/index.js';
import { setLanguage, t } from '../../src/lib/i18n/index.js';

const head: Role = { type: 'legal', tin: '281058213', name: 'Samarqand Tekstil', role: 'Common For Head' };
const roles: Role[] = [{ type: 'individual' }, head];

function thrown(f: () => unknown): OneIdError {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof OneIdError, String(e));
    return e;
  }
  assert.fail('expected a throw');
}

describe('account: roles, masking, refusals', () => {
  before(() => setLanguage('en'));

  it('parses --role: individual, a TIN, TIN:role (spaces and case kept for the name)', () => {
    assert.deepEqual(parseRoleSpec('individual'), { request: 'individual' });
    assert.deepEqual(parseRoleSpec(' Individual '), { request: 'individual' });
    assert.deepEqual(parseRoleSpec('281058213'), { request: '281058213', roleName: undefined });
    assert.deepEqual(parseRoleSpec('281 058 213:Common For Head'), {
      request: '281058213',
      roleName: 'Common For Head',
    });
  });

  it('refuses malformed roles locally (exit 2): words, short TINs, individual TINs, an empty role name', () => {
    for (const bad of ['boss', '28105821', '281058213:', '412345678', ':Common For Head']) {
      const e = thrown(() => parseRoleSpec(bad));
      assert.ok(e instanceof UsageError, `${bad}: ${e.constructor.name}`);
    }
    assert.match(thrown(() => parseRoleSpec('412345678')).message, /belongs to an individual/);
  });

  it('matches roles by TIN and, when given, by role name (case-insensitive)', () => {
    assert.ok(matchesSpec(head, parseRoleSpec('281058213')));
    assert.ok(matchesSpec(head, parseRoleSpec('281058213:common for head')));
    assert.ok(!matchesSpec(head, parseRoleSpec('281058213:Common For Accountant')));
    assert.ok(matchesSpec({ type: 'individual' }, parseRoleSpec('individual')));
    assert.equal(pickBySpec(roles, parseRoleSpec('281058213')), head);
    const e = thrown(() => pickBySpec(roles, parseRoleSpec('234727238')));
    assert.ok(e instanceof AuthError);
    assert.equal(e.code, 'ROLE_NOT_AVAILABLE');
    assert.match(e.message, /Available: individual, 281058213:Common For Head/);
    assert.equal(roleId(head), '281058213:Common For Head');
  });

  it('masks a PINFL to its first and last two digits', () => {
    assert.equal(maskedPinfl('41604714357530'), '41**********30');
    assert.equal(maskedPinfl('123'), '***');
  });

  it('explains documented refusals in the user’s language, keeping the portal code and the exit category', () => {
    const portal = (code: string, body: Record<string, unknown> = {}) =>
      new PortalRefusedError(code, 'portal.error.refused', {
        params: { message: 'x', code },
        data: { portal: { status: 422, code, message: 'x', ...body } },
      });
    setLanguage('ru');
    try {
      const sms = thrown(() => explainRefusal(portal('SMS_CODE_INVALID', { attemptsLeft: 2 })));
      assert.ok(sms instanceof PortalRefusedError);
      assert.equal(sms.code, 'SMS_CODE_INVALID');
      assert.equal(t(sms.key, sms.params), 'Неверный код из СМС (осталось попыток: 2).');
    } finally {
      setLanguage('en');
    }
    // A refused role is exit 3 (auth), whatever the HTTP status was.
    const role = thrown(() => explainRefusal(portal('ROLE_NOT_AVAILABLE')));
    assert.ok(role instanceof AuthError);
    // Unknown codes and other errors pass through untouched.
    const other = portal('SOMETHING_NEW');
    assert.equal(
      thrown(() => explainRefusal(other)),
      other,
    );
    const net = new NetworkError('PORTAL_UNREACHABLE', 'portal.error.unreachable', {
      params: { url: 'u', reason: 'r' },
    });
    assert.equal(
      thrown(() => explainRefusal(net)),
      net,
    );
  });
});
