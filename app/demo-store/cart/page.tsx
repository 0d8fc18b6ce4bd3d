export default function CartPage() {
  return (
    <>
      <h1 className="text-xl font-semibold">Your cart</h1>
      <p className="text-sm text-slate-500">Checkout is simulated in this demo.</p>
    </>
  );
}
