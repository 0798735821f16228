// Loaded with `node --require` in front of electronegativity (scripts/electronegativity.ts).
// Electronegativity fetches translations over HTTP on every run (and Electron's release list in a
// check we exclude). CI has no internet, and after the failed request its HTTP client (got 11 +
// p-cancelable) throws from a retry timer and kills the process. Replacing `got` with a client that
// fails at once makes it use the English texts it ships with, and guarantees the scan sends nothing.
'use strict';
const Module = require('node:module');

const offline = () => Promise.reject(new Error('electronegativity runs offline here'));
offline.get = offline;
offline.head = offline;
offline.extend = () => offline;

const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'got') return offline;
  return originalLoad.call(this, request, parent, isMain);
};
