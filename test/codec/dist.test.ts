/** The same suites against the built package entry, dist/src/index.js (`npm test` builds it first). */
import { loadDist } from './codec-api.js';
import { defineEncodeErrorTests } from './suites/encode-errors.js';
import { defineFrameStreamTests } from './suites/frame-stream.js';
import { defineGoldenVectorTests } from './suites/golden-vectors.js';
import { defineJsonErrorTests } from './suites/json-errors.js';
import { defineStringInterningTests } from './suites/string-interning.js';

defineGoldenVectorTests('dist', loadDist);
defineFrameStreamTests('dist', loadDist);
defineEncodeErrorTests('dist', loadDist);
defineJsonErrorTests('dist', loadDist);
defineStringInterningTests('dist', loadDist);
