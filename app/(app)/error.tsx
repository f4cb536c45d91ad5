"use client";

import { ErrorState } from "@/components/shell/error-state";

// Inside the app's shell: the navigation stays, the page says what went wrong.
export default ErrorState;
