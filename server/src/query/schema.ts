import { builder } from './builder.js';
import './types/report.js';
import './types/entity.js';
import './types/neighborhood.js';
import './types/discovery.js';
import './types/spread.js';
import './types/search.js';
import './types/matrix.js';
import './types/place.js';
import './types/cooccurrence.js';
import './types/sentence.js';
import './types/ingest.js';

export const schema = builder.toSchema();
