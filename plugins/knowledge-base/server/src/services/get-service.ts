// The plugin's services by name, each with its own type (derived from services/index.ts) instead of Strapi's untyped map.
import type { Core } from '@strapi/strapi';
import type services from '.';

type Factories = typeof services;
export type ServiceName = keyof Factories;
export type ServiceOf<N extends ServiceName> = ReturnType<Factories[N]>;

export const service = <N extends ServiceName>(strapi: Core.Strapi, name: N): ServiceOf<N> => strapi.plugin('knowledge-base').service<ServiceOf<N>>(name);
