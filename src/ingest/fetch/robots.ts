/**
 * robots.txt (RFC 9309), the part a polite fetcher needs: groups by user agent, Allow/Disallow with `*`
 * and `$`, longest match wins (Allow on a tie), and Crawl-delay. Written here because no robots.txt
 * package is among our dependencies and the rules fit in a page; `robots-parser` would do the same.
 */

export interface RobotsRule {
  allow: boolean;
  pattern: string;
  regex: RegExp;
}

interface Group {
  agents: string[];
  rules: RobotsRule[];
  crawlDelay?: number;
}

export interface Robots {
  /** Whether `agent` (a product token such as "Parley") may fetch `pathAndQuery`. */
  isAllowed(pathAndQuery: string, agent: string): boolean;
  /** Crawl-delay in seconds for `agent`, when the file sets one. */
  crawlDelay(agent: string): number | undefined;
}

/** RFC 9309 says parsers must read at least 500 KiB; we read that much and ignore the rest. */
export const MAX_ROBOTS_BYTES = 500 * 1024;

function compile(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

/** Percent-encodes what a browser would, and normalises %xx case, so "/a b" matches "/a%20b". */
function normalisePath(path: string): string {
  let text: string;
  try {
    text = encodeURI(decodeURI(path));
  } catch {
    text = path;
  }
  return text.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());
}

export function parseRobots(text: string): Robots {
  const groups: Group[] = [];
  let current: Group | undefined;
  let lastWasAgent = false;
  for (const rawLine of text.slice(0, MAX_ROBOTS_BYTES).split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      if (!lastWasAgent || !current) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue; // rules before any User-agent line belong to no group
    if ((key === 'allow' || key === 'disallow') && value !== '') {
      const pattern = normalisePath(value.startsWith('/') || value.startsWith('*') ? value : `/${value}`);
      current.rules.push({ allow: key === 'allow', pattern, regex: compile(pattern) });
    } else if (key === 'crawl-delay') {
      const seconds = Number.parseFloat(value);
      if (Number.isFinite(seconds) && seconds >= 0) current.crawlDelay = seconds;
    }
  }

  /** The groups that apply: those naming the agent, else those for "*" (RFC 9309 §2.2.1). */
  const groupsFor = (agent: string): Group[] => {
    const token = agent.toLowerCase();
    const named = groups.filter((group) =>
      group.agents.some((name) => name !== '*' && (name === token || name.split('/')[0] === token)),
    );
    return named.length > 0 ? named : groups.filter((group) => group.agents.includes('*'));
  };

  return {
    isAllowed(pathAndQuery, agent) {
      const path = normalisePath(pathAndQuery || '/');
      if (path === '/robots.txt') return true;
      let best: RobotsRule | undefined;
      for (const group of groupsFor(agent))
        for (const rule of group.rules) {
          if (!rule.regex.test(path)) continue;
          if (
            !best ||
            rule.pattern.length > best.pattern.length ||
            (rule.pattern.length === best.pattern.length && rule.allow && !best.allow)
          )
            best = rule;
        }
      return best ? best.allow : true;
    },
    crawlDelay(agent) {
      const delays = groupsFor(agent)
        .map((group) => group.crawlDelay)
        .filter((delay): delay is number => delay !== undefined);
      return delays.length > 0 ? Math.max(...delays) : undefined;
    },
  };
}

/** A robots.txt that allows everything (none found: HTTP 4xx) or nothing (server error: RFC 9309 §2.3.1.3). */
export const ALLOW_ALL: Robots = { isAllowed: () => true, crawlDelay: () => undefined };
export const DISALLOW_ALL: Robots = {
  isAllowed: (path) => path === '/robots.txt',
  crawlDelay: () => undefined,
};
