/**
 * A long list of case cards read page by page as it scrolls (cases.list), kept live: when a
 * case changes anywhere (cases.changed, data.changed) the loaded pages are read again. While
 * `frozen` (the pointer rests on the list) the shown rows stay put and the updates wait, so
 * a card never moves under the cursor (docs/design/UI.md "live but not jumpy").
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoardFiltersInput, CaseCard } from '../../../api/contract';
import type { CaseState } from '../../../core/glossary';
import { toApiError, type ApiError } from '../../api/api-error';
import { getApi } from '../../api/client';
import type { BoardSort } from './board-url';

export interface PagedCases {
  total: number | null;
  rowAt(index: number): CaseCard | undefined;
  /** Ask for the rows of [start, end] (inclusive) to be loaded. */
  requestRange(start: number, end: number): void;
  error: ApiError | null;
  searchTruncated: boolean;
  /** A history view (not counted) has more rows than the `loadedCount` read so far. */
  more: boolean;
  loadedCount: number;
  /** Updates held back while frozen. */
  pending: number;
  /** Increases whenever rows change (for effects that watch the list). */
  version: number;
}

interface Loaded {
  key: string;
  pages: Map<number, CaseCard[]>;
  total: number | null;
  more: boolean;
  searchTruncated: boolean;
}

export function usePagedCases(
  query: { states: readonly CaseState[]; filters: BoardFiltersInput; sort: BoardSort },
  options: { pageSize?: number; frozen?: boolean } = {},
): PagedCases {
  const pageSize = options.pageSize ?? 50;
  const key = JSON.stringify([query.states, query.filters, query.sort, pageSize]);
  const [loaded, setLoaded] = useState<Loaded>({
    key,
    pages: new Map(),
    total: null,
    more: false,
    searchTruncated: false,
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [held, setHeld] = useState(0);
  const heldRef = useRef(0);
  const [version, setVersion] = useState(0);
  const inFlight = useRef(new Set<number>());
  const frozenRef = useRef(Boolean(options.frozen));
  const staleRef = useRef(false);
  const current = loaded.key === key ? loaded : null;
  const loadedRef = useRef(current);
  useEffect(() => {
    loadedRef.current = current;
  });

  /** Reads the pages; the state is set when the answers are in (never inside the effect). */
  const fetchPages = useCallback(
    (pages: number[], replace: boolean) => {
      const [states, filters, sort] = JSON.parse(key) as [
        CaseState[],
        BoardFiltersInput,
        BoardSort,
      ];
      return Promise.all(
        pages.map((page) =>
          getApi().call('cases.list', {
            states,
            filters,
            sort,
            offset: page * pageSize,
            limit: pageSize,
          }),
        ),
      ).then(
        (answers) => {
          setLoaded((previous) => {
            const base =
              previous.key === key && !replace ? previous.pages : new Map<number, CaseCard[]>();
            const next = new Map(base);
            answers.forEach((answer, i) => next.set(pages[i]!, answer.rows));
            const last = answers.at(-1);
            return {
              key,
              pages: next,
              total: last ? last.total : previous.total,
              more: last ? last.totalCapped : previous.more,
              searchTruncated: last ? last.searchTruncated : previous.searchTruncated,
            };
          });
          setVersion((v) => v + 1);
          setError(null);
          if (replace) setHeld(0);
          for (const page of pages) inFlight.current.delete(page);
        },
        (reason: unknown) => {
          setError(toApiError(reason));
          for (const page of pages) inFlight.current.delete(page);
        },
      );
    },
    [key, pageSize],
  );

  // A new query: start again from the first page.
  useEffect(() => {
    inFlight.current.clear();
    inFlight.current.add(0);
    void fetchPages([0], true);
  }, [fetchPages]);

  const reloadLoaded = useCallback(() => {
    const pages = [...(loadedRef.current?.pages.keys() ?? [0])].sort((a, b) => a - b);
    void fetchPages(pages.length ? pages : [0], true);
  }, [fetchPages]);

  // Live: reload what is loaded, unless the pointer rests here.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = getApi().subscribe((event) => {
      if (event.type !== 'cases.changed' && event.type !== 'data.changed') return;
      if (frozenRef.current) {
        staleRef.current = true;
        heldRef.current += 1;
        setHeld(heldRef.current);
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(reloadLoaded, 250);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [reloadLoaded]);

  // The pointer left: show what changed meanwhile.
  useEffect(() => {
    frozenRef.current = Boolean(options.frozen);
    if (!options.frozen && staleRef.current) {
      staleRef.current = false;
      heldRef.current = 0;
      reloadLoaded();
    }
  }, [options.frozen, reloadLoaded]);

  const requestRange = useCallback(
    (start: number, end: number) => {
      const have = loadedRef.current;
      if (!have || have.total == null) return;
      const last = Math.min(end, have.total - 1);
      const wanted: number[] = [];
      for (
        let page = Math.floor(Math.max(0, start) / pageSize);
        page <= Math.floor(last / pageSize);
        page++
      ) {
        if (!have.pages.has(page) && !inFlight.current.has(page)) {
          inFlight.current.add(page);
          wanted.push(page);
        }
      }
      if (wanted.length) void fetchPages(wanted, false);
    },
    [fetchPages, pageSize],
  );

  return {
    total: current?.total ?? null,
    rowAt: (index) => current?.pages.get(Math.floor(index / pageSize))?.[index % pageSize],
    requestRange,
    error,
    searchTruncated: current?.searchTruncated ?? false,
    more: current?.more ?? false,
    loadedCount: [...(current?.pages.values() ?? [])].reduce((n, rows) => n + rows.length, 0),
    // Updates held back while the pointer rests, until the reload after it leaves.
    pending: held,
    version,
  };
}
