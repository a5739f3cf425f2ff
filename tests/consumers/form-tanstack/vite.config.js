// Vite with the React plugin, as `npm create vite` sets up a React project.
import react from "@vitejs/plugin-react";

export default { plugins: [react()] };
