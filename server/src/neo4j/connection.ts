import neo4j, { type Driver } from 'neo4j-driver';
import path from 'node:path';
import { stateDir } from './paths.js';
import { SetupError } from './provision.js';
import { localStatus, startLocalNeo4j, type RunningNeo4j } from './local-server.js';

export interface Neo4jTarget {
  uri: string;
  username?: string;
  password?: string;
  database?: string;
}

export const DEFAULT_BOLT_PORT = 7687;

export function localHome(): string {
  return path.join(stateDir(), 'neo4j');
}

export function localBoltPort(): number {
  return Number(process.env.POLICYGRAPH_BOLT_PORT ?? DEFAULT_BOLT_PORT);
}

/** An external server (cluster, Aura) when NEO4J_URI is set; otherwise null. */
export function externalTarget(env: NodeJS.ProcessEnv = process.env): Neo4jTarget | null {
  if (!env.NEO4J_URI) return null;
  return {
    uri: env.NEO4J_URI,
    username: env.NEO4J_USERNAME,
    password: env.NEO4J_PASSWORD,
    database: env.NEO4J_DATABASE,
  };
}

export function createDriver(target: Neo4jTarget): Driver {
  const auth = target.username !== undefined ? neo4j.auth.basic(target.username, target.password ?? '') : undefined;
  return neo4j.driver(target.uri, auth, { disableLosslessIntegers: true });
}

/** Fails with a readable message instead of a driver stack trace. */
export async function verifyTarget(driver: Driver, target: Neo4jTarget): Promise<void> {
  try {
    // verifyConnectivity fails at once; a query would be retried for 30 s first.
    await driver.verifyConnectivity({ database: target.database });
  } catch (e) {
    throw new SetupError(
      `Cannot reach Neo4j at ${target.uri}: ${(e as Error).message}. Check NEO4J_URI/NEO4J_USERNAME/NEO4J_PASSWORD, or unset NEO4J_URI to use the local server.`,
    );
  }
}

/**
 * The target every command uses: NEO4J_URI if given, else the project's local
 * server (started here if `start` is true and it is not running).
 */
export async function resolveTarget(opts: {
  start: boolean;
  log?: (m: string) => void;
}): Promise<{ target: Neo4jTarget; local?: RunningNeo4j }> {
  const ext = externalTarget();
  if (ext) return { target: ext };
  const status = localStatus(localHome());
  if (status.running && status.uri) return { target: { uri: status.uri } };
  if (!opts.start) {
    throw new SetupError(
      'No Neo4j is running. Start the local one with `policygraph neo4j start` (or `npm start`), or set NEO4J_URI to an external server.',
    );
  }
  const local = await startLocalNeo4j({ home: localHome(), boltPort: localBoltPort(), log: opts.log });
  return { target: { uri: local.uri }, local };
}
