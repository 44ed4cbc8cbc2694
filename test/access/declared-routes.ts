import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import {
  ACCESS_METADATA,
  PUBLIC_ACCESS,
  type Access,
} from '../../apps/api/src/auth/access.decorator';

/** Who a route admits, as its controller declares it to the API key guard. */
export type DeclaredAccess = readonly Access[] | 'public' | 'undeclared';

/** One route the application serves, read from the controllers the app actually mounted. */
export interface DeclaredRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Express template, `/v1/partners/:id/balance`. */
  path: string;
  access: DeclaredAccess;
}

/**
 * Every route of `app`, from the routing metadata of the controllers in its module graph — the same
 * metadata Nest's router registers — so the specs walk exactly what the app serves and no list can
 * drift. The documentation routes Swagger mounts straight on Express are not controllers and are
 * not listed.
 */
export function declaredRoutes(app: INestApplication): DeclaredRoute[] {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const routes = new Map<string, DeclaredRoute>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const prefix = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name] as object;
        const paths: unknown = Reflect.getMetadata(PATH_METADATA, handler);
        if (paths === undefined) continue;
        const method = RequestMethod[
          Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod
        ] as DeclaredRoute['method'];
        const declared = reflector.getAllAndOverride<Access[] | typeof PUBLIC_ACCESS | undefined>(
          ACCESS_METADATA,
          [handler as () => void, controller],
        );
        const access: DeclaredAccess =
          declared === PUBLIC_ACCESS ? 'public' : (declared ?? 'undeclared');
        for (const path of [paths].flat() as string[]) {
          const full = joinPath(prefix, path);
          routes.set(`${method} ${full}`, { method, path: full, access });
        }
      }
    }
  }
  return [...routes.values()].sort((a, b) =>
    `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`),
  );
}

function joinPath(prefix: string, path: string): string {
  const joined = `/${prefix}/${path}`.replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

/** `/v1/partners/:id/balance` → `/v1/partners/{id}/balance`, the OpenAPI spelling. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** The path with its parameters filled in, each value percent-encoded unless given raw. */
export function fillPath(path: string, values: Readonly<Record<string, string>>): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${path}`);
    return value;
  });
}

/** Roles the API key guard knows, one key each in the specs. */
export const ROLES = ['ingest', 'manager', 'finance', 'admin', 'partner'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Whether `role` should get past the guard on a route declared `access`, derived from the declared
 * access the way the SPEC states it: admin everywhere; a partner key on `partner:scoped` routes and
 * on `partner:self` routes for its own id; other roles where listed.
 */
export function admits(access: DeclaredAccess, role: Role, pathIdIsOwnPartner: boolean): boolean {
  if (access === 'public') return true;
  if (role === 'admin') return true;
  if (access === 'undeclared') return false;
  if (role === 'partner')
    return (
      access.includes('partner:scoped') || (access.includes('partner:self') && pathIdIsOwnPartner)
    );
  return access.includes(role);
}
