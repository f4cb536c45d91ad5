import { getLocale, getTranslations } from "next-intl/server";
import { AvatarForm } from "@/components/profile/avatar-form";
import { EmailSignatureForm } from "@/components/profile/email-signature-form";
import { PasswordForm } from "@/components/profile/password-form";
import { PersonalDetailsForm } from "@/components/profile/personal-details-form";
import { ProfileSection } from "@/components/profile/profile-section";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import type { Locale } from "@/lib/org/organisation";
import { getProfile } from "@/lib/profile/get-profile";
import { avatarVersion } from "@/lib/profile/rules";

export async function generateMetadata() {
  return { title: (await getTranslations("profile"))("title") };
}

/** `passwordChanged` (a time) is set by the password change's redirect: a fresh form and a success message. */
export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ passwordChanged?: string }> }) {
  const { passwordChanged } = await searchParams;
  const actor = await requirePermission("profile.update");
  const profile = await getProfile({ actor, db: await getDb(), now: systemClock.now() }, { userId: actor.id });
  const [t, locale] = await Promise.all([getTranslations("profile"), getLocale()]);
  const fullName = `${profile.lastName} ${profile.firstName}`.trim() || profile.email;

  return (
    <div className="max-w-5xl">
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-8">
        <ProfileSection title={t("personal.title")} description={t("personal.description")}>
          <PersonalDetailsForm
            lastName={profile.lastName}
            firstName={profile.firstName}
            email={profile.email}
            locale={profile.locale ?? (locale as Locale)}
          />
        </ProfileSection>
        <ProfileSection title={t("signature.title")} description={t("signature.description")}>
          <EmailSignatureForm signature={profile.emailSignature} senderName={fullName} />
        </ProfileSection>
        <ProfileSection title={t("avatar.title")} description={t("avatar.description")}>
          <AvatarForm userId={profile.userId} name={fullName} version={profile.avatar ? avatarVersion(profile.avatar.updatedAt) : null} />
        </ProfileSection>
        <ProfileSection title={t("password.title")} description={t("password.description")}>
          <PasswordForm key={passwordChanged ?? "form"} email={profile.email} changed={Boolean(passwordChanged)} />
        </ProfileSection>
      </div>
    </div>
  );
}
