import { builder } from './builder.js';
import './types/report.js';
import './types/entity.js';
import './types/neighborhood.js';
import './types/discovery.js';

export const schema = builder.toSchema();
