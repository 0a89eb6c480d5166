// The city wall.
import { WallClient } from '../../src/wall/WallClient.js';

export default function CityWallPage() {
  return <WallClient scope={{ kind: 'city' }} />;
}
