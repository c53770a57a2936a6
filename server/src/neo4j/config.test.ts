import { describe, expect, it } from 'vitest';
import { explainExit, jvmArgs, memorySettings, neo4jConf } from './config.js';
import { neo4jPom } from './provision.js';

describe('local Neo4j configuration', () => {
  it('listens on loopback only, with HTTP and usage reports off', () => {
    const conf = neo4jConf({ home: '/h', boltPort: 7999 }, { data: '/h/data', logs: '/h/logs', run: '/h/run' });
    expect(conf).toContain('server.bolt.listen_address=127.0.0.1:7999');
    expect(conf).toContain('server.http.enabled=false');
    expect(conf).toContain('dbms.usage_report.enabled=false');
    expect(conf).toContain('server.directories.data=/h/data');
  });

  it('passes the JVM flags the distribution launcher would', () => {
    const args = jvmArgs('/lib');
    expect(args.slice(0, 2)).toEqual(['-cp', '/lib/*']);
    expect(args).toContain('--add-opens=java.base/java.nio=ALL-UNNAMED');
    expect(args).toContain('-Dio.netty.tryReflectionSetAccessible=true');
  });

  it('sizes heap and page cache from the environment when asked', () => {
    expect(memorySettings({})).toEqual({ heap: '1g', pageCache: '512m' });
    expect(memorySettings({ POLICYGRAPH_NEO4J_HEAP: '4g', POLICYGRAPH_NEO4J_PAGECACHE: '2g' })).toEqual({
      heap: '4g',
      pageCache: '2g',
    });
  });

  it('explains exit codes in words a user can act on', () => {
    expect(explainExit(1, 7687)).toMatch(/port 7687/);
    expect(explainExit(2, 7687)).toMatch(/locked/);
  });

  it('depends on the one community server artifact', () => {
    expect(neo4jPom('5.26.30')).toMatch(/<artifactId>neo4j<\/artifactId>\s*<version>5.26.30<\/version>/);
  });
});
