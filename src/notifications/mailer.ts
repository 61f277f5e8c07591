import nodemailer from 'nodemailer'

export interface Mail {
  to: string
  subject: string
  text: string
}

export interface Mailer {
  send(mail: Mail): Promise<void>
  close(): void
}

/**
 * SMTP delivery through nodemailer; SMTP_URL is e.g. smtp://user:pass@host:587. Transport
 * options go in the query string: a local relay without a trusted certificate is
 * `smtp://127.0.0.1:25?ignoreTLS=true`, an implicit-TLS server `smtps://host:465`.
 */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl)
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text })
    },
    close: () => transport.close(),
  }
}
