// Makes the tag a pre-commit `rev:` names: a commit whose tree is HEAD's
// plus the built dist/ (which .gitignore keeps out of ordinary commits),
// with HEAD as its parent, tagged v<version>. pre-commit installs a hook by
// running `npm pack` in a clone at that tag, so the tag must hold dist/.
// The tag's package.json drops devDependencies: pre-commit runs
// `npm install --include=dev` there first, and the tag is for installing,
// not for building.
//
// Usage (after `npm run build`, on a clean work tree):
//   node scripts/release-tag.mjs            create the tag
//   node scripts/release-tag.mjs --push X   create it and push it to remote X
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { push: { type: 'string' } } });

const git = (args, options = {}) => execFileSync('git', args, { encoding: 'utf8', ...options }).trim();

function fail(message) {
  process.stderr.write(`release-tag: ${message}\n`);
  process.exitCode = 1;
}

function main() {
  const root = git(['rev-parse', '--show-toplevel']);
  for (const file of ['dist/index.js', 'dist/cli.js']) {
    if (!existsSync(path.join(root, file))) return fail(`${file} is missing: run \`npm run build\` first`);
  }
  if (git(['status', '--porcelain', '--untracked-files=no'], { cwd: root }) !== '') {
    return fail('the work tree has uncommitted changes: the tag would not hold what dist/ was built from');
  }

  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const tag = `v${manifest.version}`;
  const head = git(['rev-parse', 'HEAD'], { cwd: root });

  // A private index: HEAD's tree, dist/ added despite .gitignore, and the
  // install-only package.json. The work tree and the real index stay as they are.
  const scratch = mkdtempSync(path.join(tmpdir(), 'defuse-release-'));
  try {
    const env = { ...process.env, GIT_INDEX_FILE: path.join(scratch, 'index') };
    git(['read-tree', 'HEAD'], { cwd: root, env });
    git(['add', '--force', '--', 'dist'], { cwd: root, env });
    delete manifest.devDependencies;
    const blob = git(['hash-object', '-w', '--stdin'], { cwd: root, input: `${JSON.stringify(manifest, null, 2)}\n` });
    git(['update-index', '--cacheinfo', `100644,${blob},package.json`], { cwd: root, env });
    const tree = git(['write-tree'], { cwd: root, env });
    const commit = git(
      ['commit-tree', tree, '-p', head, '-m', `${tag}: the source of ${head.slice(0, 12)} with the built dist/`],
      {
        cwd: root,
      },
    );
    git(['tag', '--annotate', tag, commit, '--message', `eslint-plugin-defuse ${tag}`], { cwd: root });
    process.stdout.write(`${tag} ${commit}\n`);
    if (values.push !== undefined) {
      execFileSync('git', ['push', values.push, `refs/tags/${tag}`], { cwd: root, stdio: 'inherit' });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main();
