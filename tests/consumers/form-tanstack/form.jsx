// A reward form with TanStack Form: tango-orders' createOrderSchema as the form's onChange
// validator, as it is. Driven in Chromium by forms.test.mjs.
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { useForm } from "@tanstack/react-form";
import { createOrderSchema } from "tango-orders";

const REWARDS = {
  digital: { utid: "U000001", deliveryMethod: "EMAIL" },
  physical: { utid: "U000002", deliveryMethod: "ADDRESS" },
};
const ADDRESS = [["streetLine1", "Street"], ["city", "City"], ["stateOrProvince", "State"], ["postalCode", "ZIP code"], ["country", "Country"]];

function RewardForm() {
  const [submitted, setSubmitted] = useState(null);
  const [reward, setReward] = useState("digital");
  const form = useForm({
    defaultValues: {
      customerIdentifier: "demo-customer", accountIdentifier: "demo-account", amount: 25, ...REWARDS.digital,
      recipient: { firstName: "", lastName: "" },
    },
    validators: { onChange: createOrderSchema },
    onSubmit: ({ value }) => setSubmitted(value),
  });
  const choose = (event) => {
    setReward(event.target.value);
    for (const [key, value] of Object.entries(REWARDS[event.target.value])) form.setFieldValue(key, value);
  };
  const field = (name, label) => {
    const id = name.replaceAll(".", "-");
    return (
      <form.Field key={name} name={name}>
        {(field) => (
          <p>
            <label htmlFor={id}>{label}</label>
            <input id={id} value={field.state.value ?? ""} onBlur={field.handleBlur}
              onChange={(event) => field.handleChange(event.target.value)} />
            <span data-error={name}>{field.state.meta.errors.map((issue) => issue?.message).join(" ")}</span>
          </p>
        )}
      </form.Field>
    );
  };
  return (
    <form noValidate onSubmit={(event) => { event.preventDefault(); form.handleSubmit(); }}>
      <label htmlFor="reward">Reward</label>
      <select id="reward" onChange={choose} value={reward}>
        <option value="digital">E-gift card</option>
        <option value="physical">Mailed card</option>
      </select>
      {field("recipient.firstName", "First name")}
      {field("recipient.lastName", "Last name")}
      {reward === "physical" ? ADDRESS.map(([key, label]) => field(`recipient.address.${key}`, label)) : field("recipient.email", "Email")}
      <button id="send" type="submit">Send</button>
      <pre id="submitted">{submitted ? JSON.stringify(submitted) : ""}</pre>
    </form>
  );
}

createRoot(document.getElementById("root")).render(<RewardForm />);
