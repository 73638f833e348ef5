// Writes the local.settings.json of one run of the Functions app (scripts/run.sh --functions): the repository's
// local.settings.sample.json with NAME=VALUE overrides for this run (storage, provider addresses, generated keys, queue
// and container names). A name the sample does not list is refused: the sample lists every setting the app reads, so
// an unknown name is a typo that would silently change nothing.
//
//   node scripts/local-settings.mjs <sample> <output> NAME=VALUE...
import fs from 'node:fs';

const [sample, output, ...assignments] = process.argv.slice(2);
if (!sample || !output) {
  console.error('usage: node scripts/local-settings.mjs <sample> <output> NAME=VALUE...');
  process.exit(2);
}

const settings = JSON.parse(fs.readFileSync(sample, 'utf8'));
for (const assignment of assignments) {
  const at = assignment.indexOf('=');
  const name = at > 0 ? assignment.slice(0, at) : '';
  if (!Object.hasOwn(settings.Values, name)) {
    console.error(`local-settings.mjs: '${name || assignment}' is not a setting of ${sample}`);
    process.exit(2);
  }
  settings.Values[name] = assignment.slice(at + 1);
}
// Secrets are in it: readable by this user only.
fs.writeFileSync(output, JSON.stringify(settings, null, 2) + '\n', { mode: 0o600 });
