// Is there a Docker engine testcontainers can use? Answered once per process, quickly.
import { existsSync } from 'node:fs';

let answer: Promise<boolean> | undefined;

export function dockerAvailable(): Promise<boolean> {
  answer ??= (async () => {
    if (process.env.PAXGUARD_TEST_NO_DOCKER === '1') return false;
    if (!process.env.DOCKER_HOST && !existsSync('/var/run/docker.sock')) return false;
    try {
      const { getContainerRuntimeClient } = await import('testcontainers');
      await Promise.race([
        getContainerRuntimeClient(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000)),
      ]);
      return true;
    } catch {
      return false;
    }
  })();
  return answer;
}
