import type { AnyCommandRoute } from '../commands/command-route';

export interface RouteMatch {
  route: AnyCommandRoute;
  params: Record<string, string>;
}

/**
 * Finds the command endpoint a batch item names, exactly as Express would route it: the same
 * path templates the controllers declare, with `:name` matching one path segment.
 */
export class CommandRouteTable {
  private readonly compiled: { route: AnyCommandRoute; pattern: RegExp; names: string[] }[];

  constructor(routes: readonly AnyCommandRoute[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.path
        .split('/')
        .map((segment) => {
          if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(segment.slice(1));
          return '([^/]+)';
        })
        .join('/');
      return { route, pattern: new RegExp(`^${source}$`), names };
    });
  }

  match(path: string): RouteMatch | null {
    for (const { route, pattern, names } of this.compiled) {
      const found = pattern.exec(path);
      if (found)
        return { route, params: Object.fromEntries(names.map((name, i) => [name, found[i + 1]!])) };
    }
    return null;
  }
}
