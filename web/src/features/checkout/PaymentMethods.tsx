import { PAYMENT_METHODS, type PaymentMethod } from './paymentMethods';

interface PaymentMethodsProps {
  value: PaymentMethod;
  onChange: (value: PaymentMethod) => void;
  disabled?: boolean;
}

export function PaymentMethods({ value, onChange, disabled = false }: PaymentMethodsProps) {
  return (
    <fieldset disabled={disabled}>
      <legend className="mb-3 text-sm font-medium text-stone-800">
        Payment method <span className="font-normal text-stone-600">(test payments: no money moves)</span>
      </legend>
      <div className="grid gap-2">
        {PAYMENT_METHODS.map((method) => (
          <label
            key={method.value}
            className={`flex cursor-pointer items-center gap-3 rounded-xl border p-3 ${
              value === method.value
                ? 'border-orange-700 bg-orange-50 ring-1 ring-orange-700'
                : 'border-stone-300 bg-white hover:border-stone-400'
            }`}
          >
            <input
              type="radio"
              name="payment_method"
              value={method.value}
              checked={value === method.value}
              onChange={() => onChange(method.value)}
              className="h-4 w-4 accent-orange-700"
            />
            <span aria-hidden="true" className="text-xl">
              {method.icon}
            </span>
            <span className="font-medium">{method.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
