// First step of every npm script. The project runs on the Node 22 that the `node` dev dependency installs into
// node_modules/.bin (npm puts it first on PATH); its install script is what fetches the binary, so after
// `npm install --ignore-scripts` there is none and scripts would silently fall back to the system's Node.
// Kept to syntax any Node runs, since it is exactly the old ones it has to stop.
var major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(
    'entitlement-guard: this project needs Node 22, but npm scripts found Node ' +
      process.versions.node +
      ' (the `node` dev dependency did not install its binary, e.g. after `npm install --ignore-scripts`): run `npm rebuild node` or `npm install`.',
  );
  process.exit(1);
}
