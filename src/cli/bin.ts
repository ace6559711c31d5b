#!/usr/bin/env node
/**
 * The `entitlement-guard` command as the package installs it (package.json `bin`): Node's compile cache is turned on
 * in the install's cache folder (src/util/install-cache.ts) before the command's modules load, so that a CI gate
 * that runs the command again and again does not parse and compile its megabyte of code each time; then main.ts's
 * program runs. The command is this package's own process, so the cache is the process's (Node's
 * `module.enableCompileCache`, which keeps ES modules too); a library entry point, run in an app's process, takes the
 * cache for its own files only (src/util/code-cache.ts). Node refuses an entry of another Node, options or text;
 * `ENTITLEMENT_GUARD_CACHE=off` (or Node's own NODE_DISABLE_COMPILE_CACHE) turns it off.
 */
import module from 'node:module';
import { join } from 'node:path';
import { installCacheFolder } from '../util/install-cache.js';

const folder = installCacheFolder();
if (folder !== undefined) module.enableCompileCache(join(folder, 'node-compile-cache'));
const { runProgram } = await import('./main.js');
runProgram();
