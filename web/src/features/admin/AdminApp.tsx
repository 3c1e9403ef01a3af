export function AdminApp() {
  return <h1 className="text-3xl font-bold">Admin</h1>;
}
