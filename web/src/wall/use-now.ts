'use client';
import { useEffect, useState } from 'react';

/** The page clock, ticking every `intervalMs`: one re-render per tick for the components that show time. */
export function useNow(intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
