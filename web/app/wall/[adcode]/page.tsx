// A district center's wall: its extent, its alerts and the city's red alerts. The gateway enforces the
// scope; an unknown adcode is refused at the Socket.IO handshake.
import { notFound } from 'next/navigation.js';
import { WallClient } from '../../../src/wall/WallClient.js';

export default async function DistrictWallPage({ params }: { params: Promise<{ adcode: string }> }) {
  const { adcode } = await params;
  if (!/^\d{6}$/.test(adcode)) notFound();
  return <WallClient scope={{ kind: 'district', adcode }} />;
}
