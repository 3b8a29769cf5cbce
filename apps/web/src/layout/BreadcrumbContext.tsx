import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

export type Crumb = { key: string; title: ReactNode; href?: string };

type BreadcrumbState = { extra: Crumb[]; setExtra: (crumbs: Crumb[]) => void };

const BreadcrumbContext = createContext<BreadcrumbState>({ extra: [], setExtra: () => undefined });

export function BreadcrumbProvider({ children }: { children: ReactNode }) {
  const [extra, setExtra] = useState<Crumb[]>([]);
  return <BreadcrumbContext.Provider value={{ extra, setExtra }}>{children}</BreadcrumbContext.Provider>;
}

export function useBreadcrumbExtra(): Crumb[] {
  return useContext(BreadcrumbContext).extra;
}

/** Crumbs a page adds after its module's name (e.g. the path of the selected organization); pass a memoized array. */
export function usePageCrumbs(crumbs: Crumb[]): void {
  const { setExtra } = useContext(BreadcrumbContext);
  useEffect(() => {
    setExtra(crumbs);
    return () => setExtra([]);
  }, [crumbs, setExtra]);
}
