// A private CA and a server certificate for 127.0.0.1 and localhost, made at test time with
// openssl (EC P-256: quick to make), as a VoipNow server with a private CA would present.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

export const OPENSSL = process.env.OPENSSL ?? 'openssl';
const run = promisify(execFile);

export interface TestCertificates {
  /** The CA's certificate (PEM), what a profile's `ca` file holds. */
  ca: string;
  caFile: string;
  key: string;
  cert: string;
  dir: string;
}

export async function makeTestCertificates(dir?: string): Promise<TestCertificates> {
  const d = dir ?? (await mkdtemp(path.join(os.tmpdir(), 'voipnow-stand-in-tls-')));
  const f = (name: string) => path.join(d, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run(OPENSSL, ['req', '-x509', ...ec, '-keyout', f('ca.key'), '-out', f('ca.pem'), '-days', '2', '-subj', '/CN=voipnow-payloads test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  await run(OPENSSL, ['req', ...ec, '-keyout', f('server.key'), '-out', f('server.csr'), '-subj', '/CN=localhost']);
  await writeFile(f('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n');
  await run(OPENSSL, ['x509', '-req', '-in', f('server.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-set_serial', '1', '-days', '2',
    '-out', f('server.pem'), '-extfile', f('server.ext')]);
  const [ca, key, cert] = await Promise.all(['ca.pem', 'server.key', 'server.pem'].map((n) => readFile(f(n), 'utf8')));
  return { ca, caFile: f('ca.pem'), key, cert, dir: d };
}
