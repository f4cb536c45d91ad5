"use client";

import { ErrorState } from "@/components/shell/error-state";

// Pages outside the app's shell (login, setup), and a failure of the shell itself.
export default ErrorState;
