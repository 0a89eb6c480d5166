// Root layout: dark, full-screen, fonts bundled locally (no Google Fonts: the wall runs offline).
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './globals.css';
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';

export const metadata: Metadata = { title: '城市运行指挥中心 · citybrain' };
export const viewport: Viewport = { themeColor: '#040a16' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
