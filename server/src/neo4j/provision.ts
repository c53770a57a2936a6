import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { jarCacheDir, neo4jVersion } from './paths.js';

export class SetupError extends Error {
  override name = 'SetupError';
}

/** The pom whose runtime dependencies are the whole Neo4j Community server. */
export function neo4jPom(version: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>policygraph</groupId>
  <artifactId>neo4j-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.neo4j</groupId>
      <artifactId>neo4j</artifactId>
      <version>${version}</version>
    </dependency>
  </dependencies>
</project>
`;
}

export function commandExists(cmd: string, args: string[] = ['-version']): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return r.error === undefined && r.status === 0;
}

/** Java major version from `java -version`, or null when java is missing. */
export function javaMajorVersion(java = javaBinary()): number | null {
  const r = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr + r.stdout);
  if (!m) return null;
  const major = Number(m[1]);
  return major === 1 ? Number(m[2]) : major;
}

export function javaBinary(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

export function assertJava(): void {
  const major = javaMajorVersion();
  if (major === null) {
    throw new SetupError(
      'Java was not found. Neo4j 5.26 needs a JDK 17 or 21: install one (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME.',
    );
  }
  if (major < 17) {
    throw new SetupError(`Java ${major} found, but Neo4j 5.26 needs Java 17 or 21. Set JAVA_HOME to a newer JDK.`);
  }
}

const MARKER = '.complete';

/** Classpath folder of an installed Neo4j, or the jar cache when none is configured. */
export function neo4jLibDir(): string {
  if (process.env.NEO4J_HOME) return path.join(process.env.NEO4J_HOME, 'lib');
  return path.join(jarCacheDir(), 'lib');
}

export function isProvisioned(): boolean {
  if (process.env.NEO4J_HOME) return fs.existsSync(path.join(process.env.NEO4J_HOME, 'lib'));
  return fs.existsSync(path.join(jarCacheDir(), MARKER));
}

/**
 * Fetches the Neo4j jars from Maven into the cache, once. Writes into a temporary
 * folder and renames it, so an interrupted fetch never leaves a half-filled lib.
 */
export function provisionNeo4j(log: (msg: string) => void = () => {}): string {
  const libDir = neo4jLibDir();
  if (isProvisioned()) return libDir;
  if (process.env.NEO4J_HOME) {
    throw new SetupError(`NEO4J_HOME=${process.env.NEO4J_HOME} has no lib/ folder: point it at a Neo4j installation.`);
  }
  assertJava();
  if (!commandExists('mvn', ['-v'])) {
    throw new SetupError(
      'Maven (mvn) was not found. It fetches the Neo4j jars once: install it (Debian: apt-get install maven) or set NEO4J_HOME to an existing Neo4j installation, or NEO4J_URI to a running server.',
    );
  }
  const version = neo4jVersion();
  const cache = jarCacheDir(version);
  const work = `${cache}.tmp-${process.pid}`;
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  fs.writeFileSync(path.join(work, 'pom.xml'), neo4jPom(version));
  log(`Fetching Neo4j ${version} jars with Maven into ${cache} (once, ~150 MB)…`);
  const r = spawnSync(
    'mvn',
    [
      '-B',
      '-q',
      'org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies',
      `-DoutputDirectory=${path.join(work, 'lib')}`,
      '-DincludeScope=runtime',
    ],
    { cwd: work, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (r.error || r.status !== 0) {
    fs.rmSync(work, { recursive: true, force: true });
    throw new SetupError(
      `Maven could not fetch org.neo4j:neo4j:${version} (exit ${r.status ?? r.error?.message}). Check the Maven repository settings.`,
    );
  }
  fs.writeFileSync(path.join(work, MARKER), `${new Date().toISOString()}\n`);
  fs.rmSync(cache, { recursive: true, force: true });
  fs.renameSync(work, cache);
  const jars = fs.readdirSync(path.join(cache, 'lib')).length;
  log(`Neo4j ${version}: ${jars} jars ready.`);
  return path.join(cache, 'lib');
}
