/**
 * A register's rows read page by page as its table scrolls (party.registerPage), kept live:
 * when anything changes (data.changed) the loaded pages are read again, and a new search or
 * filter starts from the first page. A late answer to an old query is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RegisterRow } from '../../../api/contract';
import type { Register } from '../../../core/party/registers';
import { toApiError, type ApiError } from '../../api/api-error';
import { getApi } from '../../api/client';

export interface RegisterFilterValues {
  q?: string | null;
  communityCode?: string | null;
  status?: string | null;
}

const PAGE = 100;

export function useRegisterRows(register: Register, filters: RegisterFilterValues) {
  const key = JSON.stringify([register, filters]);
  const [state, setState] = useState<{
    key: string;
    total: number | null;
    pages: Map<number, RegisterRow[]>;
    masked: boolean;
  }>({ key, total: null, pages: new Map(), masked: false });
  const [error, setError] = useState<ApiError | null>(null);
  const keyRef = useRef(key);
  const pagesRef = useRef(state.pages);
  const inFlight = useRef(new Set<number>());
  useEffect(() => {
    keyRef.current = key;
    pagesRef.current = state.key === key ? state.pages : new Map();
  });

  const fetchPages = useCallback(
    (pages: number[], replace: boolean) => {
      const [reg, f] = JSON.parse(key) as [Register, RegisterFilterValues];
      for (const page of pages) inFlight.current.add(page);
      void Promise.all(
        // Only the first page of a (re)load is counted: scrolling on keeps that total.
        pages.map((page, i) =>
          getApi().call('party.registerPage', {
            register: reg,
            filters: f,
            offset: page * PAGE,
            limit: PAGE,
            count: i === 0 && (replace || page === 0),
          }),
        ),
      ).then(
        (answers) => {
          for (const page of pages) inFlight.current.delete(page);
          if (keyRef.current !== key) return;
          setState((previous) => {
            const next = new Map(previous.key === key && !replace ? previous.pages : []);
            answers.forEach((answer, i) => next.set(pages[i]!, answer.rows));
            const counted = answers.find((answer) => answer.total !== null);
            const total = counted ? counted.total : previous.key === key ? previous.total : null;
            const masked = answers[0]!.personalDataMasked;
            return { key, total, pages: next, masked };
          });
          setError(null);
        },
        (reason: unknown) => {
          for (const page of pages) inFlight.current.delete(page);
          setError(toApiError(reason));
        },
      );
    },
    [key],
  );

  useEffect(() => {
    inFlight.current.clear();
    fetchPages([0], true);
  }, [fetchPages]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = getApi().subscribe((event) => {
      if (event.type !== 'data.changed') return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const pages = [...pagesRef.current.keys()];
        fetchPages(pages.length ? pages : [0], true);
      }, 250);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [fetchPages]);

  const current = state.key === key ? state : null;
  const requestRange = useCallback(
    (start: number, end: number) => {
      const wanted: number[] = [];
      for (let page = Math.floor(start / PAGE); page <= Math.floor(end / PAGE); page++)
        if (!pagesRef.current.has(page) && !inFlight.current.has(page)) wanted.push(page);
      if (wanted.length) fetchPages(wanted, false);
    },
    [fetchPages],
  );
  return {
    key,
    total: current?.total ?? null,
    masked: current?.masked ?? false,
    rowAt: (index: number) => current?.pages.get(Math.floor(index / PAGE))?.[index % PAGE],
    requestRange,
    error,
    refresh: () => fetchPages([0], true),
  };
}
