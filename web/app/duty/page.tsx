// The duty console (值班处置台): the alert queue of the signed-in viewer's scope, alert detail and actions.
import type { Metadata } from 'next';
import { DutyClient } from '../../src/duty/DutyClient.js';

export const metadata: Metadata = { title: '值班处置台 · citybrain' };

export default function DutyPage() {
  return <DutyClient />;
}
