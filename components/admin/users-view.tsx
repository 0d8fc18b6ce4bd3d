"use client";

import { AddUserForm } from "./add-user-form";
import { UsersTable } from "./users-table";

export function UsersView({ selfId }: { selfId: string }) {
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <UsersTable selfId={selfId} />
      <AddUserForm />
    </div>
  );
}
