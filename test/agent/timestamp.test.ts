// attach_timestamp_token_pkcs7: the token a site gets from its E-IMZO-SERVER (here the sandbox's
// TSA) for `signature_hex` goes into that signer's unsigned attributes, and the signature then
// verifies with its timestamp; a token for another signature or an unknown signer is refused.
import { strict as assert } from 'node:assert';

import { requestTimestamp, tsaUrl, verifySignature } from '../../src/lib/sign/index.js';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import { rpc, startAgent, type AgentHandle } from './helpers.js';

describe('agent: attach_timestamp_token_pkcs7', function () {
  this.timeout(90_000);
  let a: AgentHandle;
  let sb: SandboxHandle;
  before(async () => {
    [a, sb] = await Promise.all([startAgent(), startSandbox()]);
    assert.equal(
      (await a.cli(['agent', 'unlock', a.stick.files.person!, '--key-password-file', a.pwFile])).code,
      0,
    );
    assert.equal(
      (await a.cli(['agent', 'unlock', a.stick.files.gost!, '--key-password-file', a.pwFile])).code,
      0,
    );
  });
  after(async () => Promise.all([a?.stop(), sb?.stop()]));

  const load = async (name: string) => {
    const { certificates } = await rpc(a.ws, { plugin: 'pfx', name: 'list_all_certificates' });
    const c = certificates.find((x: { name: string }) => x.name === name);
    return (
      await rpc(a.ws, { plugin: 'pfx', name: 'load_key', arguments: [c.disk, c.path, c.name, c.alias] })
    ).keyId;
  };

  it("timestamps the named signer of a co-signed signature; the other signer's bytes stay as they were", async () => {
    const person = await load('DS312345678901230001');
    const gost = await load('DS344444444444440001');
    const first = await rpc(a.ws, {
      plugin: 'pkcs7',
      name: 'create_pkcs7',
      arguments: ['aGVsbG8=', person, 'no'],
    });
    const both = await rpc(a.ws, {
      plugin: 'pkcs7',
      name: 'append_pkcs7_attached',
      arguments: [first.pkcs7_64, gost],
    });
    const token = await requestTimestamp(Buffer.from(both.signature_hex, 'hex'), { url: tsaUrl(sb.url) });
    const r = await rpc(a.ws, {
      plugin: 'pkcs7',
      name: 'attach_timestamp_token_pkcs7',
      arguments: [both.pkcs7_64, both.signer_serial_number, token.toString('base64')],
    });
    assert.equal(r.success, true, r.reason);
    const rep = await verifySignature(Buffer.from(r.pkcs7_64, 'base64'));
    assert.equal(rep.valid, true);
    const stamped = rep.signers.find((s) => s.signerSerial === both.signer_serial_number)!;
    assert.ok(stamped.timestamp?.imprintMatches && stamped.timestamp.signatureValid, JSON.stringify(stamped));
    assert.ok(!stamped.warnings.includes('TIMESTAMP_INVALID'));
    assert.equal(rep.signers.find((s) => s.signerSerial !== both.signer_serial_number)!.timestamp, undefined);

    // A token for another signature value, and a signer that is not there.
    const wrong = await rpc(a.ws, {
      plugin: 'pkcs7',
      name: 'attach_timestamp_token_pkcs7',
      arguments: [both.pkcs7_64, first.signer_serial_number, token.toString('base64')],
    });
    assert.equal(wrong.success, false);
    assert.match(wrong.reason, /timestamp token/);
    const none = await rpc(a.ws, {
      plugin: 'pkcs7',
      name: 'attach_timestamp_token_pkcs7',
      arguments: [both.pkcs7_64, 'abcdef', token.toString('base64')],
    });
    assert.match(none.reason, /serial number abcdef/);
  });
});
