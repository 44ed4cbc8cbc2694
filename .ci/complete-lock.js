// Adds lock entries for @swc/core's optional platform binaries that this machine's registry does
// not serve (non-Linux ones). npm ci then sees the lock in sync and skips them as off-platform.
const fs = require('fs');
const file = process.argv[2];
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const core = lock.packages['node_modules/@swc/core'];
const platforms = {
  'darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'linux-arm-gnueabihf': { os: ['linux'], cpu: ['arm'] },
  'linux-ppc64-gnu': { os: ['linux'], cpu: ['ppc64'], libc: ['glibc'] },
  'linux-s390x-gnu': { os: ['linux'], cpu: ['s390x'], libc: ['glibc'] },
  'win32-arm64-msvc': { os: ['win32'], cpu: ['arm64'] },
  'win32-ia32-msvc': { os: ['win32'], cpu: ['ia32'] },
  'win32-x64-msvc': { os: ['win32'], cpu: ['x64'] },
};
let added = 0;
for (const [suffix, constraints] of Object.entries(platforms)) {
  const key = `node_modules/@swc/core-${suffix}`;
  if (lock.packages[key]) continue;
  lock.packages[key] = { version: core.version, ...constraints, dev: true, license: 'Apache-2.0 AND MIT', optional: true, engines: { node: '>=10' } };
  added++;
}
const sorted = {};
for (const k of Object.keys(lock.packages).sort()) sorted[k] = lock.packages[k];
sorted[''] = lock.packages[''];
lock.packages = { '': lock.packages[''], ...Object.fromEntries(Object.entries(sorted).filter(([k]) => k !== '')) };
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`added ${added} lock entries`);
