import { useCallback, useEffect, useRef, useState } from 'react';

/** A value loaded by `load`, reloaded on `reload()`; the error is kept for the UI to show. */
export function useLoaded<T>(load: () => Promise<T>): { value: T | undefined; error: unknown; loading: boolean; reload: () => Promise<void>; set: (value: T) => void } {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setValue(await loadRef.current());
      setError(undefined);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, error, loading, reload, set: setValue };
}
