'use client';
// Over the map while replaying: an amber frame and the replayed instant, so the map alone (photographed,
// glanced at from across the room) can never pass for the live city.
import { TEXT, replayTimeText } from '../i18n.js';
import { useWall } from '../store/provider.js';
import { replayingAt } from '../store/shown.js';

export function ReplayOverlay() {
  const lang = useWall((s) => s.lang);
  const at = useWall(replayingAt);
  if (at === null) return null;
  return (
    <div className="replay-overlay" aria-hidden="true">
      <span className="replay-overlay-label">
        {TEXT.replayBadge[lang]} · {replayTimeText(at, lang)}
      </span>
    </div>
  );
}
