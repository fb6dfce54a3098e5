# RubyGems' Gem::Version as the oracle: "a<TAB>b" lines in, "a<TAB>b<TAB>-1|0|1|invalid" out.
require 'rubygems'
STDIN.each_line do |line|
  a, b = line.chomp.split("\t", -1)
  result =
    if Gem::Version.correct?(a) && Gem::Version.correct?(b)
      Gem::Version.new(a) <=> Gem::Version.new(b)
    else
      'invalid'
    end
  puts "#{a}\t#{b}\t#{result}"
end
