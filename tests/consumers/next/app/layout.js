// The root layout every App Router project has.
export const metadata = { title: "tango-orders consumer" };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
