CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"system_id" uuid,
	"supplier_id" uuid,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"start_date" date,
	"end_date" date,
	"notice_months" integer,
	"yearly_cost" bigint,
	"licence_count" integer,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"from_system_id" uuid NOT NULL,
	"to_system_id" uuid,
	"to_component_id" uuid,
	"direction" text DEFAULT 'one_way' NOT NULL,
	"data" text,
	"standard" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integrations_one_target" CHECK (("integrations"."to_system_id" is null) <> ("integrations"."to_component_id" is null))
);
--> statement-breakpoint
CREATE TABLE "national_components" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"provider" text NOT NULL,
	"description" text NOT NULL,
	CONSTRAINT "national_components_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"unit" text,
	"email" text,
	"phone" text,
	"public_contact" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suppliers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"organization_number" text,
	"support_phone" text,
	"support_email" text,
	"support_url" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "system_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"system_org_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"role" text NOT NULL,
	"person_id" uuid,
	"supplier_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "system_roles_one_holder" CHECK (("system_roles"."person_id" is null) <> ("system_roles"."supplier_id" is null))
);
--> statement-breakpoint
CREATE TABLE "system_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"users" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"vendor_id" uuid,
	"operator_id" uuid,
	"hosting" text,
	"server_location" text,
	"database" text,
	"users" integer,
	"units" text,
	"cooperation_id" uuid,
	"lifecycle" text DEFAULT 'in_operation' NOT NULL,
	"introduced_year" integer,
	"planned_end" date,
	"replaced_by_id" uuid,
	"criticality" text,
	"personal_data" boolean DEFAULT false NOT NULL,
	"special_category_data" boolean DEFAULT false NOT NULL,
	"last_reviewed_at" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_from_system_id_systems_id_fk" FOREIGN KEY ("from_system_id") REFERENCES "public"."systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_to_system_id_systems_id_fk" FOREIGN KEY ("to_system_id") REFERENCES "public"."systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_to_component_id_national_components_id_fk" FOREIGN KEY ("to_component_id") REFERENCES "public"."national_components"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_roles" ADD CONSTRAINT "system_roles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_roles" ADD CONSTRAINT "system_roles_system_org_id_organizations_id_fk" FOREIGN KEY ("system_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_roles" ADD CONSTRAINT "system_roles_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_roles" ADD CONSTRAINT "system_roles_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_roles" ADD CONSTRAINT "system_roles_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_shares" ADD CONSTRAINT "system_shares_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_shares" ADD CONSTRAINT "system_shares_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_shares" ADD CONSTRAINT "system_shares_member_id_organizations_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_vendor_id_suppliers_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."suppliers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_operator_id_suppliers_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."suppliers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contracts_org_end" ON "contracts" USING btree ("organization_id","end_date");--> statement-breakpoint
CREATE INDEX "contracts_system" ON "contracts" USING btree ("system_id");--> statement-breakpoint
CREATE INDEX "integrations_org" ON "integrations" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "integrations_from" ON "integrations" USING btree ("from_system_id");--> statement-breakpoint
CREATE INDEX "integrations_to" ON "integrations" USING btree ("to_system_id");--> statement-breakpoint
CREATE INDEX "persons_org_name" ON "persons" USING btree ("organization_id","name");--> statement-breakpoint
CREATE INDEX "suppliers_org_name" ON "suppliers" USING btree ("organization_id","name");--> statement-breakpoint
CREATE INDEX "system_roles_system" ON "system_roles" USING btree ("system_id");--> statement-breakpoint
CREATE INDEX "system_roles_org" ON "system_roles" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "system_shares_pair" ON "system_shares" USING btree ("system_id","member_id");--> statement-breakpoint
CREATE INDEX "system_shares_member" ON "system_shares" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "systems_org_name" ON "systems" USING btree ("organization_id","name","id");