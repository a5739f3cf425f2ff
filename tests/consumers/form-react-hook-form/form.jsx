// A reward form with react-hook-form: tango-orders' createOrderSchema plugged in as it is, through
// @hookform/resolvers' standardSchemaResolver. Driven in Chromium by forms.test.mjs.
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { useForm } from "react-hook-form";
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import { createOrderSchema } from "tango-orders";

const REWARDS = {
  digital: { utid: "U000001", deliveryMethod: "EMAIL" },
  physical: { utid: "U000002", deliveryMethod: "ADDRESS" },
};
const ADDRESS = [["streetLine1", "Street"], ["city", "City"], ["stateOrProvince", "State"], ["postalCode", "ZIP code"], ["country", "Country"]];

function Field({ name, label, register, errors }) {
  const error = name.split(".").reduce((inner, key) => inner?.[key], errors);
  const id = name.replaceAll(".", "-");
  return (
    <p>
      <label htmlFor={id}>{label}</label>
      <input id={id} {...register(name)} />
      <span data-error={name}>{error?.message ?? ""}</span>
    </p>
  );
}

function RewardForm() {
  const [submitted, setSubmitted] = useState(null);
  const { register, handleSubmit, setValue, watch, formState: { errors } } = useForm({
    mode: "onChange",
    // Fields not on the page are not in the order: no address on a digital reward.
    shouldUnregister: true,
    resolver: standardSchemaResolver(createOrderSchema),
    defaultValues: { customerIdentifier: "demo-customer", accountIdentifier: "demo-account", amount: 25, ...REWARDS.digital },
  });
  const physical = watch("deliveryMethod") === "ADDRESS";
  const choose = (event) => {
    for (const [key, value] of Object.entries(REWARDS[event.target.value])) setValue(key, value);
  };
  const field = (name, label) => <Field key={name} name={name} label={label} register={register} errors={errors} />;
  return (
    <form onSubmit={handleSubmit((order) => setSubmitted(order))} noValidate>
      <input type="hidden" {...register("customerIdentifier")} />
      <input type="hidden" {...register("accountIdentifier")} />
      <input type="hidden" {...register("utid")} />
      <input type="hidden" {...register("deliveryMethod")} />
      <input type="hidden" {...register("amount", { valueAsNumber: true })} />
      <label htmlFor="reward">Reward</label>
      <select id="reward" onChange={choose} defaultValue="digital">
        <option value="digital">E-gift card</option>
        <option value="physical">Mailed card</option>
      </select>
      {field("recipient.firstName", "First name")}
      {field("recipient.lastName", "Last name")}
      {physical ? ADDRESS.map(([key, label]) => field(`recipient.address.${key}`, label)) : field("recipient.email", "Email")}
      <button id="send" type="submit">Send</button>
      <pre id="submitted">{submitted ? JSON.stringify(submitted) : ""}</pre>
    </form>
  );
}

createRoot(document.getElementById("root")).render(<RewardForm />);
