"use client";

import { AddUserForm } from "./add-user-form";
import { UsersTable } from "./users-table";

export function UsersView({ selfId }: { selfId: string }) {
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
      <UsersTable selfId={selfId} />
      <AddUserForm />
    </div>
  );
}
